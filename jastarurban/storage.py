"""Where uploaded and generated files live: MEDIA_ROOT, or an S3-compatible bucket.

Every file the portal keeps is written and read through Django's storage API (a
FileField's storage or ``default_storage``), never by a path, so the same code runs on a
folder of one server or on an object store that several web servers and workers share.
Set AWS_STORAGE_BUCKET_NAME (and, for MinIO or another S3-compatible store,
AWS_S3_ENDPOINT_URL) to use a bucket; it needs the optional extra
``pip install '.[s3]'`` (django-storages with boto3; the Docker image has it). The keys
are AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; left empty, boto3 finds its own (an
instance role, ~/.aws).
"""

from jastarurban.env import env, env_int

S3_BACKEND = "storages.backends.s3.S3Storage"
LOCAL_BACKEND = "django.core.files.storage.FileSystemStorage"


def default_storage_backend() -> dict:
    # Every variable is read even without a bucket, so the settings list them all.
    bucket = env("AWS_STORAGE_BUCKET_NAME")
    options = {
        "bucket_name": bucket,
        "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env("AWS_S3_REGION_NAME") or None,
        # MinIO and most S3-compatible stores want bucket/key paths, not subdomains.
        "addressing_style": env("AWS_S3_ADDRESSING_STYLE") or None,
        "access_key": env("AWS_ACCESS_KEY_ID") or None,
        "secret_key": env("AWS_SECRET_ACCESS_KEY") or None,
        "signature_version": "s3v4",
        # Private objects: readable only through a signed URL or the portal's views.
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": signed_url_seconds() or 60,
        # A new upload never replaces another's file with the same name.
        "file_overwrite": False,
    }
    if not bucket:
        return {"BACKEND": LOCAL_BACKEND}
    return {"BACKEND": S3_BACKEND, "OPTIONS": options}


def signed_url_seconds() -> int:
    """How long a download link to the bucket lives; 0 (the default) streams every file
    through the portal instead (see jastarurban.files.file_response)."""
    return env_int("MEDIA_SIGNED_URL_SECONDS", 0)
