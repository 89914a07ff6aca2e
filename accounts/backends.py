from django.contrib.auth.backends import ModelBackend


class EmailPasswordBackend(ModelBackend):
    """A password opens an account by its e-mail address only. Phone accounts sign in by a
    code; their number also names them in backups (User.natural_key), and must not become a
    second login for a password form."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is not None and "@" not in str(username):
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
