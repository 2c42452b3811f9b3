package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cabildo.indicators.air.Indices;
import org.junit.jupiter.api.Test;

/**
 * Each category of the city's air index has a colour in the style sheet, whose words on it are
 * readable: WCAG 2.1 AA contrast, 4.5:1 for text.
 */
class AirColoursTest {

	private static final Pattern LEVEL = Pattern
		.compile("\\.air-level-(\\d+) \\{ background: (#[0-9a-f]{6}); color: (#[0-9a-f]{3}|#[0-9a-f]{6}); }");

	@Test
	void everyCategoryHasAColourWithReadableWords() throws IOException {
		String css = Files.readString(Path.of("src/main/resources/static/portal/portal.css"));
		int levels = Indices.NOM_172_SEMARNAT_2019.categories().size();
		Matcher level = LEVEL.matcher(css);
		int found = 0;
		while (level.find()) {
			found++;
			double contrast = contrast(level.group(2), level.group(3));
			assertThat(contrast).as("air-level-" + level.group(1) + ": " + level.group(3) + " on " + level.group(2))
				.isGreaterThanOrEqualTo(4.5);
		}
		assertThat(found).isEqualTo(levels);
	}

	/** WCAG 2.1 contrast ratio of two sRGB colours. */
	static double contrast(String a, String b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	private static double luminance(String colour) {
		String hex = colour.substring(1);
		if (hex.length() == 3) {
			hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
		}
		double[] channels = new double[3];
		for (int i = 0; i < 3; i++) {
			double c = Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) / 255.0;
			channels[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
	}

}
