def handler(((:
class class class
}}}}
eval(x)
