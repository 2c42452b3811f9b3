package org.cabildo.importing.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.cabildo.importing.ImportMapping;
import org.cabildo.importing.InvalidInput;
import org.cabildo.importing.MappingReader;
import org.cabildo.importing.Source;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files of one upload, each kept under its own name (without any folder) in a folder of the
 * upload's own until its import ends. The mapping names its files; they are found here by name.
 */
final class Upload {

	private final Path folder;

	private final String mappingName;

	private final Map<String, Path> files;

	private Upload(Path folder, String mappingName, Map<String, Path> files) {
		this.folder = folder;
		this.mappingName = mappingName;
		this.files = files;
	}

	/** Keeps the mapping and the files in a new folder under {@code parent}. */
	static Upload save(Path parent, MultipartFile mapping, List<MultipartFile> files) {
		Path folder = parent.resolve("upload-" + UUID.randomUUID());
		Upload upload = new Upload(folder, name(mapping), new LinkedHashMap<>());
		try {
			Files.createDirectories(folder);
			mapping.transferTo(folder.resolve("mapping"));
			for (MultipartFile file : files) {
				String name = name(file);
				Path saved = folder.resolve("file-" + upload.files.size());
				if (upload.files.putIfAbsent(name, saved) != null) {
					throw new InvalidInput(name + ": uploaded twice; each file once, under the name the mapping gives it");
				}
				file.transferTo(saved);
			}
			return upload;
		}
		catch (IOException e) {
			upload.delete();
			throw new UncheckedIOException("the upload cannot be kept in " + parent, e);
		}
		catch (RuntimeException e) {
			upload.delete();
			throw e;
		}
	}

	/** The name a file was uploaded with, without any folder. */
	private static String name(MultipartFile file) {
		String original = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			throw new InvalidInput("part '" + file.getName() + "': a file is uploaded with its name (curl -F "
					+ file.getName() + "=@stations.csv)");
		}
		return name;
	}

	String mappingName() {
		return mappingName;
	}

	/** The mapping, checked as the command line checks it ({@code mapping.yaml:12:3: ...}). */
	ImportMapping mapping() {
		try (InputStream in = Files.newInputStream(folder.resolve("mapping"))) {
			return MappingReader.read(in, mappingName);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Refuses an upload without a file the mapping names, or with one it does not name. */
	void requireNamed(ImportMapping mapping) {
		Map<String, String> named = new LinkedHashMap<>();
		named.put(base(mapping.things().file()), "/things/file");
		named.putIfAbsent(base(mapping.readings().file()), "/readings/file");
		named.forEach((name, pointer) -> {
			if (!files.containsKey(name)) {
				throw new InvalidInput(mappingName + ": it names '" + name + "', which was not uploaded (curl -F files=@"
						+ name + ")", pointer);
			}
		});
		files.keySet().stream().filter(name -> !named.containsKey(name)).findFirst().ifPresent(name -> {
			throw new InvalidInput(name + ": uploaded, but the mapping names no such file (things.file, readings.file)");
		});
	}

	/** The uploaded files by the names the mapping gives them (a folder in the name is not looked at). */
	Source source() {
		return name -> {
			Path file = files.get(base(name));
			if (file == null) {
				throw new InvalidInput(name + ": not uploaded (the mapping names it)");
			}
			return Files.newInputStream(file);
		};
	}

	/** Removes the folder and what is in it. */
	void delete() {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException e) {
			throw new UncheckedIOException("the upload in " + folder + " cannot be removed", e);
		}
	}

	private static String base(String name) {
		return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
	}

}
