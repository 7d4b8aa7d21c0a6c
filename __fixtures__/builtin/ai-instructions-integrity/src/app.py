# Identifiers that look the same but are not.
# NOT OK
def is_​admin(user):
    return True

# OK
def is_admin(user):
    return user.role == "admin"

# NOT OK x1
x = "⁧mixed‬​󠁨󠁩"
