FROM python:3.11-slim-bookworm
# Pango for WeasyPrint's PDFs, DejaVu for ₸ and the Kazakh letters, gettext for the catalogues.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core gettext \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY requirements ./requirements
COPY . .
# The s3 extra (django-storages, boto3): the same image keeps files on a volume or, when
# AWS_STORAGE_BUCKET_NAME is set, in an S3-compatible bucket.
RUN pip install --no-cache-dir -c requirements/constraints.txt ".[s3]" \
 && useradd --system --home /app portal && mkdir -p /srv/media /srv/static && chown portal /srv/media /srv/static
USER portal
EXPOSE 8000
