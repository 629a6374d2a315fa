// WinnowOutput
