package org.cabildo.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.cabildo.platform.ApiException;
import org.junit.jupiter.api.Test;

class PhotosTest {

	private static final ParticipationSettings SETTINGS = TestParticipationSettings.with(new ParticipationSettings.Reports(50, java.time.Duration.ofDays(14), 10_485_760, 24_000_000, 20, 60,
					java.time.Duration.ofDays(90), 1000),
			new ParticipationSettings.Proposals("classpath:participation/proposal-categories.json", 100,
					java.time.Duration.ofDays(30), 60));

	private final Photos photos = new Photos(SETTINGS);

	@Test
	void theStoredPhotoKeepsThePixelsAndLosesThePlaceAndTheCamera() throws Exception {
		byte[] upload = TestPhotos.jpegWithPlaceAndCamera(-99.1332, 19.4326);
		// the test's photo really carries both, as another library reads it
		assertThat(TestPhotos.gps(upload)).isNotNull();
		assertThat(TestPhotos.gps(upload).getGeoLocation().getLatitude()).isCloseTo(19.4326, org.assertj.core.data.Offset.offset(1e-4));
		assertThat(TestPhotos.mentions(upload, TestPhotos.CAMERA)).isTrue();

		Photos.Clean clean = photos.clean(PhotoUpload.of(upload));

		assertThat(clean.mediaType()).isEqualTo("image/jpeg");
		assertThat(TestPhotos.gps(clean.content())).isNull();
		assertThat(TestPhotos.mentions(clean.content(), TestPhotos.CAMERA)).isFalse();
		var image = ImageIO.read(new ByteArrayInputStream(clean.content()));
		assertThat(image.getWidth()).isEqualTo(64);
		assertThat(image.getHeight()).isEqualTo(48);
	}

	@Test
	void whatIsNotAnImageIsRefusedAsSuch() {
		assertThatThrownBy(() -> photos.clean(PhotoUpload.of("%PDF-1.7 not a photo".getBytes())))
			.isInstanceOfSatisfying(ApiException.class, e -> {
				assertThat(e.status().value()).isEqualTo(400);
				assertThat(e.getMessage()).contains("media").contains("not a readable JPEG or PNG");
			});
		assertThatThrownBy(() -> photos.clean(PhotoUpload.of(new byte[0]))).isInstanceOf(ApiException.class);
	}

	@Test
	void anImageThatWouldDecodeHugeIsRefusedBeforeDecoding() throws Exception {
		byte[] bomb = TestPhotos.pngClaiming(100_000, 100_000);
		assertThat(bomb.length).isLessThan(100);
		assertThatThrownBy(() -> photos.clean(PhotoUpload.of(bomb))).isInstanceOfSatisfying(ApiException.class, e -> {
			assertThat(e.status().value()).isEqualTo(400);
			assertThat(e.getMessage()).contains("10000000000 pixels");
		});
	}

	@Test
	void aBrokenImageIsRefusedNotAFailure() throws Exception {
		// the JPEG magic, then noise: image I/O takes it for a JPEG and fails inside
		byte[] noise = new byte[2048];
		new java.util.Random(7).nextBytes(noise);
		noise[0] = (byte) 0xFF;
		noise[1] = (byte) 0xD8;
		noise[2] = (byte) 0xFF;
		assertThatThrownBy(() -> photos.clean(PhotoUpload.of(noise))).isInstanceOfSatisfying(ApiException.class,
				e -> assertThat(e.status().value()).isEqualTo(400));
	}

	@Test
	void aPhotoLargerThanAllowedIsRefusedWithoutReadingIt() {
		var read = new java.util.concurrent.atomic.AtomicBoolean();
		PhotoUpload huge = new PhotoUpload(20_000_000, () -> {
			read.set(true);
			return new ByteArrayInputStream(new byte[0]);
		});
		assertThatThrownBy(() -> photos.clean(huge)).isInstanceOfSatisfying(ApiException.class, e -> {
			assertThat(e.status().value()).isEqualTo(413);
			assertThat(e.getMessage()).contains("media").contains("20000000 bytes");
		});
		assertThat(read).isFalse();
	}

	@Test
	void aPhotoThatWaitsTooLongForItsTurnIsRefusedUnreadAndTheNextIsServed() throws Exception {
		Photos oneAtATime = new Photos(SETTINGS, java.time.Duration.ofMillis(200));
		var reading = new java.util.concurrent.CountDownLatch(1);
		var release = new java.util.concurrent.CountDownLatch(1);
		// the first photo holds the turn: its bytes arrive only when the test lets them
		byte[] jpeg = TestPhotos.jpegWithPlaceAndCamera(-99.1, 19.4);
		PhotoUpload slow = new PhotoUpload(jpeg.length, () -> {
			reading.countDown();
			try {
				release.await();
			}
			catch (InterruptedException e) {
				throw new java.io.InterruptedIOException();
			}
			return new ByteArrayInputStream(jpeg);
		});
		var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> oneAtATime.clean(slow));
		assertThat(reading.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		var secondRead = new java.util.concurrent.atomic.AtomicBoolean();
		PhotoUpload waiting = new PhotoUpload(jpeg.length, () -> {
			secondRead.set(true);
			return new ByteArrayInputStream(jpeg);
		});
		assertThatThrownBy(() -> oneAtATime.clean(waiting)).isInstanceOfSatisfying(ApiException.class, e -> {
			assertThat(e.status().value()).isEqualTo(503);
			assertThat(e.retryAfter()).isPresent();
			assertThat(e.getMessage()).contains("media");
		});
		assertThat(secondRead).isFalse();
		release.countDown();
		assertThat(first.get(5, java.util.concurrent.TimeUnit.SECONDS).mediaType()).isEqualTo("image/jpeg");
		assertThat(oneAtATime.clean(waiting).mediaType()).isEqualTo("image/jpeg");
	}

}
