package org.cabildo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.node.ObjectNode;

/** What the figures were measured on. */
record Machine(int cores, String cpu, long memoryBytes, String os, String java) {

	/** Writes this machine into a benchmark's JSON results. */
	void writeTo(ObjectNode node) {
		node.put("cores", cores);
		node.put("cpu", cpu);
		node.put("memoryBytes", memoryBytes);
		node.put("os", os);
		node.put("java", java);
	}

	static Machine describe() {
		return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), memory(),
				System.getProperty("os.name") + " " + System.getProperty("os.version"),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
	}

	String describeShort() {
		return String.format("%d cores (%s), %.0f GiB RAM", cores, cpu, memoryBytes / (1024.0 * 1024 * 1024));
	}

	/** The 1-minute load average, or -1 where there is none: other work on the machine skews every figure. */
	static double loadAverage() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
		}
		catch (IOException | RuntimeException e) {
			return -1;
		}
	}

	private static String cpuModel() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
				if (line.startsWith("model name")) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (IOException ignored) {
			// not Linux
		}
		return System.getProperty("os.arch");
	}

	private static long memory() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
				}
			}
		}
		catch (IOException ignored) {
			// not Linux
		}
		return -1;
	}

}
