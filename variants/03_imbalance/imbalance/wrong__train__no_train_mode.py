"""Never calls model.train(): a model that arrives in eval mode (after predict_proba, say)
is trained with dropout switched off."""
# (lines of the reference's train, what this learner wrote instead)
EDITS = {"train": [
    ("model.train()", ""),
]}
