print("winnow")
