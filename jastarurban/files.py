"""Where private uploads are stored: a random name under a folder, never the sender's name."""

import uuid
from pathlib import PurePath

from django.utils.deconstruct import deconstructible


@deconstructible
class PrivatePath:
    """upload_to for files served only through an access-checked view.

    The stored name says nothing about the file, so guessing a path gets
    nobody anything even if the folder were ever exposed.
    """

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        suffix = PurePath(filename).suffix.lower()[:8]
        return f"{self.folder}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other) -> bool:
        return isinstance(other, PrivatePath) and other.folder == self.folder
