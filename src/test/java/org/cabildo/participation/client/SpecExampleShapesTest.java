package org.cabildo.participation.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import org.cabildo.participation.client.GeoReportClient.Format;
import org.cabildo.participation.client.GeoReportClient.Reply;
import org.cabildo.participation.client.SpecExampleShapes.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;

/**
 * The shape comparison of {@link SpecExampleShapes} and the examples it rests on: each example
 * fits itself, the XML and JSON examples of a resource say the same (by the spec's Spark
 * convention), and answers that leave the spec's structure are refused.
 */
class SpecExampleShapesTest {

	@ParameterizedTest
	@EnumSource(Example.class)
	void eachExampleFitsItself(Example example) {
		SpecExampleShapes.assertFits(reply(Format.XML, read(example, Format.XML)), example);
		assertThat(SpecExampleShapes.jsonProblems(SpecExampleShapes.exampleJson(example), example)).isEmpty();
	}

	/**
	 * The spec's JSON is "a programmatic mapping of the XML format using the Spark Convention": a
	 * container of one repeated kind of child becomes an array, and the root's name is dropped.
	 * So the typed-in XML and JSON examples must give the same paths.
	 */
	@ParameterizedTest
	@EnumSource(Example.class)
	void theXmlAndJsonExamplesAgreeBySpark(Example example) {
		Set<String> spark = new TreeSet<>();
		spark(SpecExampleShapes.exampleXml(example).getDocumentElement(), "$", spark);
		assertThat(spark).isEqualTo(new TreeSet<>(SpecExampleShapes.jsonShape(SpecExampleShapes.exampleJson(example)).keySet()));
	}

	@Test
	void anAnswerWithLessThanTheExampleFits() {
		SpecExampleShapes.assertFits(reply(Format.XML, """
				<?xml version="1.0" encoding="UTF-8"?>
				<service_requests><request><service_request_id>7</service_request_id><status>open</status></request></service_requests>"""),
				Example.REQUESTS);
		SpecExampleShapes.assertFits(reply(Format.XML, """
				<?xml version="1.0" encoding="UTF-8"?>
				<service_requests/>"""), Example.REQUESTS);
		SpecExampleShapes.assertFits(reply(Format.JSON, "[]"), Example.REQUESTS);
		SpecExampleShapes.assertFits(reply(Format.JSON, """
				[{"service_request_id":"a-7","status":"open","lat":19.4,"address":null}]"""), Example.REQUESTS);
		SpecExampleShapes.assertFits(reply(Format.JSON, """
				{"service_code":"pothole","attributes":[{"code":"size","values":[]}]}"""), Example.SERVICE_DEFINITION);
	}

	@Test
	void theTokenTheTableDocumentsFitsAPostAnswer() {
		SpecExampleShapes.assertFits(reply(Format.XML, """
				<?xml version="1.0" encoding="UTF-8"?>
				<service_requests><request><token>abc</token><service_notice/><account_id/></request></service_requests>"""),
				Example.POST_REQUESTS);
		SpecExampleShapes.assertFits(reply(Format.JSON, """
				[{"token":"abc","service_notice":null,"account_id":null}]"""), Example.POST_REQUESTS);
	}

	@Test
	void anotherRootOrItemOrAnInventedFieldIsRefused() {
		assertRefused(reply(Format.XML, """
				<?xml version="1.0" encoding="UTF-8"?>
				<requests><request><status>open</status></request></requests>"""), Example.REQUESTS, "root element <requests>");
		assertRefused(reply(Format.XML, """
				<?xml version="1.0" encoding="UTF-8"?>
				<service_requests><service_request><status>open</status></service_request></service_requests>"""),
				Example.REQUESTS, "service_requests/service_request");
		assertRefused(reply(Format.XML, """
				<?xml version="1.0" encoding="UTF-8"?>
				<service_requests><request><state>open</state></request></service_requests>"""), Example.REQUESTS,
				"service_requests/request/state");
		assertRefused(reply(Format.XML, """
				<?xml version="1.0" encoding="UTF-8"?>
				<services><service><keywords><keyword>a</keyword></keywords></service></services>"""), Example.SERVICES,
				"services/service/keywords/keyword");
		assertRefused(reply(Format.XML, """
				<?xml version="1.0" encoding="UTF-8"?>
				<errors><error code="400"><description>no</description></error></errors>"""), Example.ERRORS,
				"errors/error/@code");
		assertRefused(reply(Format.XML, """
				<?xml version="1.0" encoding="UTF-8"?>
				<errors xmlns="urn:example:other"><error><code>400</code></error></errors>"""), Example.ERRORS,
				"urn:example:other");
		assertRefused(reply(Format.JSON, """
				{"services":[{"service_code":"pothole"}]}"""), Example.SERVICES, "$ is OBJECT");
		assertRefused(reply(Format.JSON, """
				[{"service_code":"pothole","attributes":[]}]"""), Example.SERVICES, "$[]/attributes");
		assertRefused(reply(Format.JSON, """
				{"changeset":"1","endpoints":{"endpoint":[]}}"""), Example.DISCOVERY, "$/endpoints is OBJECT");
		assertRefused(reply(Format.JSON, """
				{"changeset":"1","endpoints":[{"formats":"text/xml"}]}"""), Example.DISCOVERY,
				"$/endpoints[]/formats is VALUE");
		assertRefused(reply(Format.JSON, """
				[{"code":400,"message":"no"}]"""), Example.ERRORS, "$[]/message");
	}

	@Test
	void theNamespaceOfTheSpecificationIsAllowed() {
		SpecExampleShapes.assertFits(reply(Format.XML, """
				<?xml version="1.0" encoding="UTF-8"?>
				<errors xmlns="http://wiki.open311.org/GeoReport_v2"><error><code>400</code></error></errors>"""),
				Example.ERRORS);
	}

	private static void assertRefused(Reply reply, Example example, String saying) {
		assertThatThrownBy(() -> SpecExampleShapes.assertFits(reply, example)).isInstanceOf(AssertionError.class)
			.hasMessageContaining(saying);
	}

	/** The JSON paths the Spark convention makes of an element (see the class comment above). */
	private static void spark(Element element, String path, Set<String> paths) {
		paths.add(path);
		var children = GeoReportClient.children(element);
		boolean list = !children.isEmpty()
				&& children.stream().map(GeoReportClient::name).distinct().count() == 1;
		for (Element child : children) {
			spark(child, list ? path + "[]" : path + "/" + GeoReportClient.name(child), paths);
		}
	}

	private static Reply reply(Format format, String body) {
		return new Reply("example", 200, format.mediaType(), body.getBytes(StandardCharsets.UTF_8), format);
	}

	private static String read(Example example, Format format) {
		try (var in = SpecExampleShapesTest.class.getResourceAsStream(example.file(format))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

}
