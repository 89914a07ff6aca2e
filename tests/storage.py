"""A stand-in for an S3-compatible bucket, for tests that prove files never need a folder."""

from urllib.parse import urlencode

from django.core.files.storage import InMemoryStorage


class BucketStorage(InMemoryStorage):
    """Like S3Storage: files kept away from the disk (``path()`` is refused, as a bucket's
    is) and download links signed for a while (``querystring_auth``)."""

    querystring_auth = True

    def url(self, name, parameters=None, expire=None):
        query = urlencode({**(parameters or {}), "X-Amz-Expires": expire})
        return f"https://bucket.example/{name}?{query}"


def bucket_in_use(settings, tmp_path):
    """For a fixture: every file of the test goes to a BucketStorage, and MEDIA_ROOT must
    stay untouched (``yield from bucket_in_use(settings, tmp_path)``)."""
    settings.MEDIA_ROOT = tmp_path / "media-never-written"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.storage.BucketStorage"},
    }
    from django.core.files.storage import default_storage

    yield default_storage
    assert not settings.MEDIA_ROOT.exists(), "a file went to MEDIA_ROOT, not to the storage"
