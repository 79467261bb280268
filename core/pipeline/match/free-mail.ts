// Free-mail providers: an address there says nothing about which company the sender works for.
import { domainAndParents } from './domains.js';

/** Consumer mailbox providers, worldwide and in the markets the pipeline's languages cover. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'hotmail.es', 'hotmail.it',
  'live.com', 'live.ca', 'live.fr', 'live.de', 'live.nl', 'live.co.uk', 'msn.com', 'passport.com',
  'yahoo.com', 'yahoo.ca', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.es', 'yahoo.it', 'yahoo.com.br', 'yahoo.com.mx', 'ymail.com', 'rocketmail.com',
  'aol.com', 'aim.com', 'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com', 'tuta.io',
  'zoho.com', 'zohomail.com', 'mail.com', 'email.com', 'usa.com', 'fastmail.com', 'fastmail.fm', 'hushmail.com', 'yandex.com', 'yandex.ru', 'mail.ru',
  'gmx.com', 'gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch', 'gmx.fr', 'web.de', 't-online.de', 'freenet.de', 'arcor.de', 'posteo.de', 'mailbox.org',
  'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'laposte.net', 'neuf.fr', 'bbox.fr', 'aliceadsl.fr',
  'libero.it', 'virgilio.it', 'tiscali.it', 'alice.it', 'tin.it', 'email.it', 'fastwebnet.it',
  'terra.es', 'telefonica.net', 'ono.com', 'terra.com.br', 'uol.com.br', 'bol.com.br', 'ig.com.br', 'sapo.pt', 'clix.pt', 'netcabo.pt',
  'ziggo.nl', 'kpnmail.nl', 'planet.nl', 'hetnet.nl', 'home.nl', 'casema.nl', 'telenet.be', 'skynet.be', 'bluewin.ch',
  'btinternet.com', 'sky.com', 'virginmedia.com', 'talktalk.net', 'ntlworld.com',
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net', 'charter.net', 'earthlink.net', 'optonline.net', 'frontier.com',
  'shaw.ca', 'rogers.com', 'sympatico.ca', 'bell.net', 'videotron.ca', 'telus.net', 'prodigy.net.mx',
  'qq.com', '163.com', '126.com', 'naver.com', 'daum.net', 'rediffmail.com',
]);

/** Whether the domain (or a parent of it) is a free-mail provider. */
export function isFreeMail(domain: string, extra: ReadonlySet<string> = new Set()): boolean {
  return domainAndParents(domain).some((d) => FREE_MAIL_DOMAINS.has(d) || extra.has(d));
}
