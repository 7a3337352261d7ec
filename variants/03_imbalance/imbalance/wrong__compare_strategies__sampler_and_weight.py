"""The balanced_sampler row also uses the weighted loss: the imbalance is corrected twice
(positives drawn half the time and weighted 4 times), not the strategy of the table."""
EDITS = {"compare_strategies": [
    ('"balanced_sampler": fit(X_tr, y_tr, plain_loss, sampler=make_balanced_sampler(y_tr)),',
     '"balanced_sampler": fit(X_tr, y_tr, make_weighted_loss(y_tr), sampler=make_balanced_sampler(y_tr)),'),
]}
