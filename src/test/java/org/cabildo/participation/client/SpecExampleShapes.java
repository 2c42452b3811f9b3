package org.cabildo.participation.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cabildo.participation.client.GeoReportClient.Format;
import org.cabildo.participation.client.GeoReportClient.Reply;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares the structure of a server's answer with the specification's example of that answer
 * (src/test/resources/open311/spec-examples, typed in from wiki.open311.org): element names and
 * nesting in XML, key names and nesting in JSON, values and repetition counts ignored. Every
 * element (key) the server writes must be one the example has at that place; the server may leave
 * out what the example has (the spec marks several fields "may not be returned", and an empty list
 * has no items). So the root and item names must be the spec's, and no field may be invented.
 *
 * <p>A structure is a set of paths: in XML {@code service_requests/request/lat} (attributes as
 * {@code @name}, which no example has); in JSON {@code $} for the root, {@code []} for an array's
 * elements and {@code /key} for a member, so {@code $[]/lat}, each with the kind of node there.
 */
public final class SpecExampleShapes {

	/** The specification's examples, by file name under open311/spec-examples. */
	public enum Example {

		DISCOVERY("discovery"), SERVICES("services"), SERVICE_DEFINITION("service-definition"),
		POST_REQUESTS("post-requests"), TOKENS("tokens"), REQUESTS("requests"), REQUEST("request"), ERRORS("errors");

		private final String file;

		Example(String file) {
			this.file = file;
		}

		public String file(Format format) {
			return "/open311/spec-examples/" + file + "." + format.extension();
		}

	}

	/**
	 * Fields the spec's response tables document but its example leaves out. Only one: POST Service
	 * Request's table has {@code token} ("should not be returned if service_request_id is
	 * returned"), its example shows the service_request_id case.
	 */
	private static final Map<Example, Set<String>> DOCUMENTED_BEYOND_EXAMPLE_XML = Map.of(Example.POST_REQUESTS,
			Set.of("service_requests/request/token"));

	private static final Map<Example, Map<String, Kind>> DOCUMENTED_BEYOND_EXAMPLE_JSON = Map.of(Example.POST_REQUESTS,
			Map.of("$[]/token", Kind.VALUE));

	/** The spec's JSON examples write numbers with leading zeros ("service_code":001). */
	private static final JsonMapper LENIENT = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
		.build();

	/** The kind of JSON node at a path. */
	public enum Kind {

		OBJECT, ARRAY, VALUE, NULL;

		static Kind of(JsonNode node) {
			if (node.isObject()) {
				return OBJECT;
			}
			if (node.isArray()) {
				return ARRAY;
			}
			return node.isNull() ? NULL : VALUE;
		}

		/**
		 * Whether a server's node of this kind may stand where the example has {@code expected}. A
		 * null may stand anywhere (the spec's JSON writes an empty XML element as null); a value
		 * where the example has a value or null; a container only where the example has one alike.
		 */
		boolean fits(Kind expected) {
			return switch (this) {
				case NULL -> true;
				case VALUE -> expected == VALUE || expected == NULL;
				case OBJECT, ARRAY -> expected == this;
			};
		}

	}

	private SpecExampleShapes() {
	}

	/**
	 * Throws an AssertionError naming every path of the answer that the example has not (or has
	 * with another kind of node), and a different root (name, or array/object).
	 */
	public static void assertFits(Reply reply, Example example) {
		String problems = reply.format() == Format.XML ? xmlProblems(reply.xml(), example)
				: jsonProblems(reply.json(), example);
		if (!problems.isEmpty()) {
			throw new AssertionError("the " + reply.format() + " answer does not have the shape of the spec's example "
					+ example.file(reply.format()) + ":\n" + problems + "\nanswer: " + reply);
		}
	}

	static String xmlProblems(Document actual, Example example) {
		Set<String> expected = new TreeSet<>(xmlShape(exampleXml(example)));
		expected.addAll(DOCUMENTED_BEYOND_EXAMPLE_XML.getOrDefault(example, Set.of()));
		StringBuilder problems = new StringBuilder();
		String root = GeoReportClient.name(actual.getDocumentElement());
		String exampleRoot = GeoReportClient.name(exampleXml(example).getDocumentElement());
		if (!root.equals(exampleRoot)) {
			problems.append("  root element <").append(root).append(">, the spec's is <").append(exampleRoot).append(">\n");
		}
		for (String path : xmlShape(actual)) {
			if (!expected.contains(path)) {
				problems.append("  ").append(path).append(" is not in the spec's example\n");
			}
		}
		namespaceProblems(actual.getDocumentElement(), problems);
		return problems.toString();
	}

	static String jsonProblems(JsonNode actual, Example example) {
		Map<String, Kind> expected = new LinkedHashMap<>(jsonShape(exampleJson(example)));
		expected.putAll(DOCUMENTED_BEYOND_EXAMPLE_JSON.getOrDefault(example, Map.of()));
		StringBuilder problems = new StringBuilder();
		jsonShape(actual).forEach((path, kind) -> {
			Kind wanted = expected.get(path);
			if (wanted == null) {
				problems.append("  ").append(path).append(" is not in the spec's example\n");
			}
			else if (!kind.fits(wanted)) {
				problems.append("  ").append(path).append(" is ").append(kind).append(", the spec's example has ")
					.append(wanted).append('\n');
			}
		});
		return problems.toString();
	}

	/**
	 * The spec: "schemaless and without a namespace declaration … if it must be specified, the
	 * XMLNS URI is the URL of the specification".
	 */
	private static void namespaceProblems(Element element, StringBuilder problems) {
		String namespace = element.getNamespaceURI();
		if (namespace != null && !namespace.equals(GeoReportClient.SPECIFICATION)) {
			problems.append("  <").append(element.getTagName()).append("> is in the namespace ").append(namespace)
				.append('\n');
		}
		GeoReportClient.children(element).forEach(child -> namespaceProblems(child, problems));
	}

	/** The element paths of a document (names without prefixes), attributes as {@code @name}. */
	static Set<String> xmlShape(Document document) {
		Set<String> paths = new TreeSet<>();
		xmlShape(document.getDocumentElement(), "", paths);
		return paths;
	}

	private static void xmlShape(Element element, String parent, Set<String> paths) {
		String path = parent.isEmpty() ? GeoReportClient.name(element) : parent + "/" + GeoReportClient.name(element);
		paths.add(path);
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			// A default namespace declaration of the spec's URL is allowed; namespaceProblems judges it.
			if (!"xmlns".equals(attribute.getName())) {
				paths.add(path + "/@" + attribute.getName());
			}
		}
		GeoReportClient.children(element).forEach(child -> xmlShape(child, path, paths));
	}

	/** The paths of a JSON tree with the kind of node at each (the first one met, null last). */
	static Map<String, Kind> jsonShape(JsonNode root) {
		Map<String, Kind> paths = new LinkedHashMap<>();
		jsonShape(root, "$", paths);
		return paths;
	}

	private static void jsonShape(JsonNode node, String path, Map<String, Kind> paths) {
		Kind kind = Kind.of(node);
		// Where the example has both a value and a null at one path (an empty field in one item),
		// the value is the stronger statement of what belongs there.
		paths.merge(path, kind, (was, now) -> was == Kind.NULL ? now : was);
		if (node.isArray()) {
			node.values().forEach(element -> jsonShape(element, path + "[]", paths));
		}
		else if (node.isObject()) {
			node.properties().forEach(member -> jsonShape(member.getValue(), path + "/" + member.getKey(), paths));
		}
	}

	static Document exampleXml(Example example) {
		return GeoReportClient.parseXml(read(example.file(Format.XML)), example.file(Format.XML));
	}

	static JsonNode exampleJson(Example example) {
		return LENIENT.readTree(read(example.file(Format.JSON)));
	}

	private static byte[] read(String resource) {
		try (InputStream in = SpecExampleShapes.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("no test resource " + resource);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
