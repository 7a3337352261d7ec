"""depth() counts the levels (nodes on the longest path), so a single leaf has
depth 1 instead of 0 (scikit-learn's get_depth counts splits)."""


class SimpleDecisionTree(SimpleDecisionTree):
    def depth(self):
        def node_depth(node):
            if "feature" not in node:
                return 1
            return 1 + max(node_depth(node["left"]), node_depth(node["right"]))
        return node_depth(self.root_)
