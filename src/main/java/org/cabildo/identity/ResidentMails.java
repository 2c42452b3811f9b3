package org.cabildo.identity;

/**
 * The mails residents receive, in their language (es, pt, en). Their links open the portal's
 * pages in that language too ({@code lang=}, which the portal then remembers).
 */
final class ResidentMails {

	private ResidentMails() {
	}

	static Mail.Draft verify(String language, String base, String link) {
		String url = base + "/residents/verify?link=" + link + "&lang=" + language;
		return switch (language) {
			case "pt" -> new Mail.Draft("Confirme seu endereço de e-mail",
					"Para confirmar o endereço da sua conta no Cabildo, abra:\n" + url
							+ "\n\nSe não foi você quem se cadastrou, ignore esta mensagem.");
			case "en" -> new Mail.Draft("Confirm your email address",
					"To confirm the address of your Cabildo account, open:\n" + url
							+ "\n\nIf you did not sign up, ignore this mail.");
			default -> new Mail.Draft("Confirma tu correo electrónico",
					"Para confirmar el correo de tu cuenta en Cabildo, abre:\n" + url
							+ "\n\nSi no fuiste tú quien se registró, ignora este mensaje.");
		};
	}

	static Mail.Draft reset(String language, String base, String link) {
		String url = base + "/residents/password?link=" + link + "&lang=" + language;
		return switch (language) {
			case "pt" -> new Mail.Draft("Nova senha", "Para escolher uma nova senha, abra (vale por uma hora):\n" + url
					+ "\n\nSe não foi você quem pediu, ignore esta mensagem: sua senha não muda.");
			case "en" -> new Mail.Draft("New password", "To choose a new password, open (it works for an hour):\n" + url
					+ "\n\nIf you did not ask, ignore this mail: your password does not change.");
			default -> new Mail.Draft("Nueva contraseña", "Para elegir una nueva contraseña, abre (vale una hora):\n"
					+ url + "\n\nSi no lo pediste tú, ignora este mensaje: tu contraseña no cambia.");
		};
	}

	static Mail.Draft alreadyThere(String language, String base) {
		String url = base + "/residents/password?lang=" + language;
		return switch (language) {
			case "pt" -> new Mail.Draft("Você já tem uma conta", "Alguém tentou criar uma conta com este endereço, que"
					+ " já tem uma. Se esqueceu a senha, peça uma nova em:\n" + url);
			case "en" -> new Mail.Draft("You already have an account", "Someone tried to sign up with this address,"
					+ " which has an account already. If you forgot its password, ask for a new one at:\n" + url);
			default -> new Mail.Draft("Ya tienes una cuenta", "Alguien intentó registrarse con este correo, que ya tiene"
					+ " una cuenta. Si olvidaste la contraseña, pide una nueva en:\n" + url);
		};
	}

}
