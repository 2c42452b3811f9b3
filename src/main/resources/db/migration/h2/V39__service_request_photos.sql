-- A report's photo, as stored after its metadata (location, camera) was removed by re-encoding.
CREATE TABLE service_request_photos (
    request_id BIGINT PRIMARY KEY REFERENCES service_requests (id) ON DELETE CASCADE,
    media_type VARCHAR(40) NOT NULL,
    content BLOB NOT NULL
);
