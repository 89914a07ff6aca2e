import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jastarurban.settings")

app = Celery("jastarurban")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="jastarurban.ping")
def ping() -> str:
    """Answers "pong": the health check and the worker test use it to see a worker is alive."""
    return "pong"
