package org.cabildo.participation.open311;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes GeoReport v2 documents in JSON or XML from one value: the XML is the JSON's tree, as the
 * standard's examples show it, with a root element and each list's items named as the standard
 * names them ({@code <services><service>}, {@code <attributes><attribute>}). A null value is an
 * empty element in XML and {@code null} in JSON, as in the standard's examples.
 */
final class Open311Documents {

	/** The element of each item of a list, by the list's name. */
	private static final Map<String, String> ITEMS = Map.of("services", "service", "service_requests", "request",
			"errors", "error", "attributes", "attribute", "values", "value", "endpoints", "endpoint", "formats",
			"format");

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private Open311Documents() {
	}

	/**
	 * @param root the XML root element: a list's name ({@code services}) for a list, whose items
	 *        are named by {@link #ITEMS}, or the document's ({@code service_definition})
	 */
	static ResponseEntity<byte[]> answer(HttpStatus status, Open311Format format, String root, Object body) {
		JsonNode tree = JsonMapper.shared().valueToTree(body);
		byte[] bytes = format == Open311Format.JSON ? JsonMapper.shared().writeValueAsBytes(tree) : xml(root, tree);
		return ResponseEntity.status(status)
			.contentType(new MediaType(format.mediaType, StandardCharsets.UTF_8))
			.body(bytes);
	}

	static byte[] xml(String root, JsonNode tree) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			element(xml, root, tree);
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("an Open311 document could not be written as XML", e);
		}
		return out.toByteArray();
	}

	/** The text without the characters XML 1.0 cannot hold (control characters a client may have sent). */
	static String xmlText(String text) {
		StringBuilder kept = new StringBuilder(text.length());
		text.codePoints()
			.filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
					|| c >= 0x10000)
			.forEach(kept::appendCodePoint);
		return kept.toString();
	}

	private static void element(XMLStreamWriter xml, String name, JsonNode node) throws XMLStreamException {
		if (node == null || node.isNull() || (node.isContainer() && node.isEmpty())) {
			xml.writeEmptyElement(name);
			return;
		}
		xml.writeStartElement(name);
		if (node.isArray()) {
			String item = ITEMS.getOrDefault(name, "item");
			for (JsonNode each : node) {
				element(xml, item, each);
			}
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				element(xml, field.getKey(), field.getValue());
			}
		}
		else {
			xml.writeCharacters(xmlText(node.asString()));
		}
		xml.writeEndElement();
	}

}
