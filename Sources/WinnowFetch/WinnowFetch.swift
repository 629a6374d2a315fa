// WinnowFetch
