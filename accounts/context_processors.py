from accounts.roles import Role


def roles(request) -> dict:
    """Lets templates show only the navigation a person's roles may use."""
    user = getattr(request, "user", None)
    held = user.roles if user is not None and user.is_authenticated else frozenset()
    return {"Role": Role, "user_roles": {role.value for role in held}}
