package org.cabildo.participation;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;

/** Photos for tests: a JPEG that carries where it was taken and the camera, and images that lie. */
final class TestPhotos {

	static final String CAMERA = "Cabildo Test Camera";

	private TestPhotos() {
	}

	/** A JPEG with the place (EXIF GPS) and the camera's make (EXIF IFD0), written by Commons Imaging. */
	static byte[] jpegWithPlaceAndCamera(double lon, double lat) {
		try {
			BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
			var g = image.createGraphics();
			g.setColor(Color.ORANGE);
			g.fillRect(8, 8, 40, 30);
			g.dispose();
			ByteArrayOutputStream plain = new ByteArrayOutputStream();
			ImageIO.write(image, "jpeg", plain);
			TiffOutputSet exif = new TiffOutputSet();
			exif.setGpsInDegrees(lon, lat);
			exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, CAMERA);
			ByteArrayOutputStream tagged = new ByteArrayOutputStream();
			new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), tagged, exif);
			return tagged.toByteArray();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** What metadata-extractor finds in an image: its GPS directory, if any. */
	static GpsDirectory gps(byte[] image) {
		return metadata(image).getFirstDirectoryOfType(GpsDirectory.class);
	}

	/** Whether any tag of any directory holds the text (e.g. the camera's make). */
	static boolean mentions(byte[] image, String text) {
		for (Directory directory : metadata(image).getDirectories()) {
			for (var tag : directory.getTags()) {
				if (String.valueOf(tag.getDescription()).contains(text)) {
					return true;
				}
			}
		}
		return false;
	}

	private static Metadata metadata(byte[] image) {
		try {
			return ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** The start of a PNG that says it is {@code width} by {@code height}: a small file that would decode huge. */
	static byte[] pngClaiming(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		ByteBuffer ihdr = ByteBuffer.allocate(17);
		ihdr.put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		out.write(ByteBuffer.allocate(4).putInt(13).array());
		out.write(ihdr.array());
		CRC32 crc = new CRC32();
		crc.update(ihdr.array());
		out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
		return out.toByteArray();
	}

}
