from accounts.roles import Role


def roles(request) -> dict:
    """Lets templates show only the navigation a person's roles may use."""
    user = getattr(request, "user", None)
    held = user.roles if user is not None and user.is_authenticated else frozenset()
    is_verified = getattr(user, "is_verified", None)
    if held and is_verified is not None and not is_verified():
        # Between the password and the second step no page of a role opens: no links to them.
        from accounts.two_factor import requires_two_factor

        if requires_two_factor(user):
            held = frozenset()
    return {"Role": Role, "user_roles": {role.value for role in held}}
