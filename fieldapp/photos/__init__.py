"""Photo, video and audio evidence: ingest, classification and content-addressed storage (no Qt, no DB)."""

from fieldapp.photos.blobstore import BlobStore
from fieldapp.photos.ingest import ProcessedImage, ingest_image, ingest_to_store
from fieldapp.photos.media import MediaKind, MediaType, classify

__all__ = [
    "BlobStore",
    "MediaKind",
    "MediaType",
    "ProcessedImage",
    "classify",
    "ingest_image",
    "ingest_to_store",
]
