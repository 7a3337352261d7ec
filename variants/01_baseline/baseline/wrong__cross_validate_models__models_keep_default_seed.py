"""Seeds the folds with random_state but builds the pipelines with
make_candidate_pipelines(), so the forest and the boosting keep random_state=42."""
# (lines of the reference's cross_validate_models, what this learner wrote instead)
EDITS = {"cross_validate_models": [
    ("for name, pipeline in make_candidate_pipelines(random_state).items():",
     "for name, pipeline in make_candidate_pipelines().items():"),
]}
