package org.cabildo.sensing.mqtt;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import com.hivemq.mqtt.message.puback.PUBACK;
import com.hivemq.mqtt.message.reason.Mqtt5PubAckReasonCode;

/**
 * The PUBACKs {@link ConnectionIntake} writes, as HiveMQ's own message class, which its encoder
 * turns into the packet of the client's MQTT version. The constructor with a reason code and
 * string also takes HiveMQ's user properties class, which the compiler cannot read without
 * Guava (a dependency of HiveMQ at run time only): so it is reached through a method handle,
 * found once, when the first connection's intake is installed.
 */
final class Pubacks {

	private static final MethodHandle WITH_REASON = withReason();

	private Pubacks() {
	}

	/** Fails (with a {@link LinkageError}) if HiveMQ's PUBACK is not as expected. */
	static void check() {
		// Loading the class found the constructor.
	}

	/**
	 * The PUBACK of a publish, with its reason string if it has one: why an error, or what became
	 * of a publish taken but not stored (folded into aggregates). MQTT 5 only: the encoder of MQTT 3
	 * drops it.
	 */
	static PUBACK of(int packetId, Answer answer) {
		if (answer.reason() == null) {
			return new PUBACK(packetId);
		}
		try {
			return (PUBACK) WITH_REASON.invoke(packetId, Mqtt5PubAckReasonCode.from(answer.code()), answer.reason());
		}
		catch (RuntimeException | Error e) {
			throw e;
		}
		catch (Throwable e) {
			throw new IllegalStateException(e);
		}
	}

	private static MethodHandle withReason() {
		try {
			Class<?> properties = Class.forName("com.hivemq.mqtt.message.mqtt5.Mqtt5UserProperties");
			Object none = properties.getField("NO_USER_PROPERTIES").get(null);
			MethodHandle constructor = MethodHandles.publicLookup()
				.findConstructor(PUBACK.class, MethodType.methodType(void.class, int.class,
						Mqtt5PubAckReasonCode.class, String.class, properties));
			return MethodHandles.insertArguments(constructor, 3, none);
		}
		catch (ReflectiveOperationException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

}
