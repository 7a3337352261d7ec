"""Checks the labels' dtype as well as their values: integer and boolean labels
pass, but float labels 0.0 and 1.0, which the rules call valid, raise ValueError."""
# (lines of the reference's _check_inputs, what this learner wrote instead)
EDITS = {"_check_inputs": [
    ("not_binary = ~np.isin(labels, (0, 1))", """
        if labels.dtype.kind not in "biu":
            raise ValueError(f"{name} must hold integer or boolean labels, got dtype {labels.dtype}")
        not_binary = ~np.isin(labels, (0, 1))
    """),
]}
