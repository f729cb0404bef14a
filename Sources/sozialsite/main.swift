print("sozialsite")
