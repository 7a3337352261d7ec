"""The focal row trains with alpha=0.75 instead of the table's alpha=0.8 (a round "three quarters"
for 80% negatives): recall still rises clearly above the unweighted model's, but it is not the loss
the table asks for."""
# (lines of the reference's compare_strategies, what this learner wrote instead)
EDITS = {"compare_strategies": [
    ('"focal": fit(X_tr, y_tr, FocalLoss(alpha=0.8, gamma=2.0)),',
     '"focal": fit(X_tr, y_tr, FocalLoss(alpha=0.75, gamma=2.0)),'),
]}
