package org.cabildo.participation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A report's photo, made safe to publish: decoded and encoded again with the JDK's image I/O,
 * which writes the pixels and nothing else, so the place it was taken, the camera and any other
 * metadata the file carried (EXIF, XMP, comments) are gone whatever form they took. What is not
 * an image is refused, and so is an image whose size would take more memory to decode than a
 * report may cost; decoding is one at a time, so that a burst of photos cannot exhaust the heap.
 */
@Component
public class Photos {

	/** A photo ready to store: the bytes as re-encoded, and their media type. */
	public record Clean(byte[] content, String mediaType) {
	}

	private final long maxPixels;

	private final Semaphore decoding = new Semaphore(1);

	Photos(ParticipationSettings settings) {
		this.maxPixels = settings.reports().maxPhotoPixels();
	}

	public Clean clean(byte[] upload) {
		try {
			decoding.acquire();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the photo could not be read now; try again");
		}
		try {
			return decodeAndEncode(upload);
		}
		finally {
			decoding.release();
		}
	}

	private Clean decodeAndEncode(byte[] upload) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
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
