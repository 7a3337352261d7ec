"""No torch.no_grad(): a graph is built for every prediction and the result requires grad."""
# (lines of the reference's predict_proba, what this learner wrote instead)
EDITS = {"predict_proba": [
    ("""
        with torch.no_grad():
            proba = torch.sigmoid(model(X)).reshape(-1)
    """, "proba = torch.sigmoid(model(X)).reshape(-1)"),
]}
