// Drive's documented limits on the calls the product makes (docs/limits.md, "Google Drive API v3").

/**
 * "Multipart upload (uploadType=multipart): Use this upload type to transfer a small file (5 MB or less) along with
 * metadata" ("Upload file data", https://developers.google.com/drive/api/guides/manage-uploads). Read strictly: 5,000,000
 * bytes of media; larger files take a resumable upload.
 */
export const MULTIPART_MAX_MEDIA_BYTES = 5_000_000;

/** The same 5 MB for `uploadType=media` ("Simple upload … a small media file (5 MB or less)"). */
export const SIMPLE_MAX_MEDIA_BYTES = 5_000_000;

/** files.list `pageSize`: "The maximum value is 1000; values above 1000 will be coerced to 1000." */
export const MAX_PAGE_SIZE = 1000;

/** What the local server reads of any body at most: the media above plus room for the metadata part and framing. */
export const MAX_BODY_BYTES = MULTIPART_MAX_MEDIA_BYTES + 1024 * 1024;
