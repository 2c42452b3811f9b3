package org.cabildo.participation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A photo as uploaded, not yet read: its size as the upload declared it, and a way to open its
 * bytes. The bytes stay where the upload put them (the servlet container keeps a multipart part
 * in a file) until {@link Photos} has its turn to decode them, so that photos waiting for that
 * turn take no heap.
 *
 * @param size the photo's size in bytes
 * @param opener opens the photo's bytes; each call reads them from the start
 */
public record PhotoUpload(long size, Opener opener) {

	/** Opens the photo's bytes. */
	@FunctionalInterface
	public interface Opener {

		InputStream open() throws IOException;

	}

	/** A photo already in memory (the demo's, a test's). */
	public static PhotoUpload of(byte[] bytes) {
		return new PhotoUpload(bytes.length, () -> new ByteArrayInputStream(bytes));
	}

}
