package org.cabildo.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Where the files a mapping names are read from: a folder, or (for the demo city shipped in
 * the jar) the class path. A name ending in {@code .gz} is read compressed.
 */
@FunctionalInterface
public interface Source {

	InputStream stream(String name) throws IOException;

	default Reader open(String name) throws IOException {
		InputStream in = stream(name);
		if (name.endsWith(".gz")) {
			in = new GZIPInputStream(in, 1 << 16);
		}
		return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
	}

	/** Files relative to the mapping's folder (or absolute). */
	static Source files(ImportMapping mapping) {
		return name -> {
			Path path = mapping.resolve(name);
			try {
				return Files.newInputStream(path);
			}
			catch (NoSuchFileException e) {
				throw new InvalidInput(path + ": there is no such file (the mapping names it)");
			}
		};
	}

	/** Files under a folder of the class path, such as {@code demo/mexico-city}. */
	static Source classPath(String folder) {
		return name -> {
			InputStream in = Source.class.getClassLoader().getResourceAsStream(folder + "/" + name);
			if (in == null) {
				throw new InvalidInput(folder + "/" + name + ": not on the class path");
			}
			return in;
		};
	}

}
