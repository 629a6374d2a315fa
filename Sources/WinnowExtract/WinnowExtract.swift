// WinnowExtract
