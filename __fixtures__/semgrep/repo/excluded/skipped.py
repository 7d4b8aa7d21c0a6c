eval(os.environ["X"])
