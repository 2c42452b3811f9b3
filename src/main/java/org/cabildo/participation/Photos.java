package org.cabildo.participation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.cabildo.platform.ApiException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A report's photo, made safe to publish: decoded and encoded again with the JDK's image I/O,
 * which writes the pixels and nothing else, so the place it was taken, the camera and any other
 * metadata the file carried (EXIF, XMP, comments) are gone whatever form they took. What is not
 * an image is refused, and so is a file larger than a report may send (413) and an image whose
 * size would take more memory to decode than a report may cost. Decoding is one at a time, and a
 * photo is read only once its turn has come, so that a burst of photos cannot exhaust the heap; a
 * photo that waits longer than a few seconds for its turn is refused (503, with when to try again)
 * rather than holding its request, and its connection, without end.
 */
@Component
public class Photos {

	/** A photo ready to store: the bytes as re-encoded, and their media type. */
	public record Clean(byte[] content, String mediaType) {
	}

	/** How long a photo waits for its turn: a decoding takes well under a second on one core. */
	static final Duration TURN = Duration.ofSeconds(5);

	private final long maxBytes;

	private final long maxPixels;

	private final Duration turn;

	private final Semaphore decoding = new Semaphore(1);

	@Autowired
	Photos(ParticipationSettings settings) {
		this(settings, TURN);
	}

	Photos(ParticipationSettings settings, Duration turn) {
		this.maxBytes = settings.reports().maxPhotoBytes();
		this.maxPixels = settings.reports().maxPhotoPixels();
		this.turn = turn;
	}

	public Clean clean(PhotoUpload upload) {
		if (upload.size() > maxBytes) {
			throw new ApiException(HttpStatus.CONTENT_TOO_LARGE,
					"media: the photo is " + upload.size() + " bytes; at most " + maxBytes + " are taken")
				.with("field", "media");
		}
		try {
			if (!decoding.tryAcquire(turn.toMillis(), TimeUnit.MILLISECONDS)) {
				throw busy();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw busy();
		}
		try (InputStream bytes = upload.opener().open()) {
			return decodeAndEncode(bytes);
		}
		catch (IOException e) {
			throw notAnImage();
		}
		finally {
			decoding.release();
		}
	}

	private ApiException busy() {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
				"media: too many photos are being read now; send the report again in a moment")
			.with("field", "media")
			.retryAfter(turn);
	}

	private Clean decodeAndEncode(InputStream upload) {
		try (ImageInputStream in = ImageIO.createImageInputStream(upload)) {
			Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw notAnImage();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				String format = reader.getFormatName().toLowerCase(Locale.ROOT);
				if (!format.equals("jpeg") && !format.equals("png")) {
					throw new ApiException(HttpStatus.BAD_REQUEST,
							"media: a photo must be a JPEG or PNG image; this is " + format).with("field", "media");
				}
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > maxPixels) {
					throw new ApiException(HttpStatus.BAD_REQUEST, "media: the photo has " + pixels
							+ " pixels; at most " + maxPixels + " are taken").with("field", "media");
				}
				BufferedImage image = reader.read(0);
				return format.equals("png") ? encode(image, "png", "image/png") : encode(opaque(image), "jpeg", "image/jpeg");
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof ApiException refusal) {
				throw refusal;
			}
			// a file that claims to be an image and is broken inside
			throw notAnImage();
		}
	}

	private static Clean encode(BufferedImage image, String format, String mediaType) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(image, format, out)) {
			throw new IOException("no writer for " + format);
		}
		return new Clean(out.toByteArray(), mediaType);
	}

	/** JPEG has no transparency: an image with an alpha channel is drawn on white first. */
	private static BufferedImage opaque(BufferedImage image) {
		if (!image.getColorModel().hasAlpha() && image.getType() != BufferedImage.TYPE_CUSTOM) {
			return image;
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		var g = rgb.createGraphics();
		try {
			g.setColor(java.awt.Color.WHITE);
			g.fillRect(0, 0, image.getWidth(), image.getHeight());
			g.drawImage(image, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return rgb;
	}

	private static ApiException notAnImage() {
		return new ApiException(HttpStatus.BAD_REQUEST, "media: the file is not a readable JPEG or PNG image")
			.with("field", "media");
	}

}
