// WinnowRules
