import { AppConfig } from '../config/app-config';
import { validateEnvironment } from '../config/environment';

describe('IMAP_URL and the other mailbox settings', () => {
  it('reads no mailbox without IMAP_URL', () => {
    expect(new AppConfig(validateEnvironment({})).imap).toBeNull();
  });

  it('reads host, port, TLS, an encoded user and password, and the folder from the URL', () => {
    const config = new AppConfig(
      validateEnvironment({ IMAP_URL: 'imaps://hoinghi%40bantochuc.gov.vn:m%3Ak%40u@mail.bantochuc.gov.vn/Lich%20tra%20loi', IMAP_POLL_SECONDS: '30' }),
    );
    expect(config.imap).toEqual({
      host: 'mail.bantochuc.gov.vn',
      port: 993,
      secure: true,
      user: 'hoinghi@bantochuc.gov.vn',
      password: 'm:k@u',
      mailbox: 'Lich tra loi',
      processedFolder: 'Đã xử lý',
      pollSeconds: 30,
    });
  });

  it('takes INBOX and port 143 for a plain imap:// URL without a path', () => {
    const config = new AppConfig(validateEnvironment({ IMAP_URL: 'imap://u:p@127.0.0.1', IMAP_PROCESSED_FOLDER: 'Processed' }));
    expect(config.imap).toMatchObject({ host: '127.0.0.1', port: 143, secure: false, mailbox: 'INBOX', processedFolder: 'Processed' });
  });

  it.each([
    ['IMAP_URL', 'https://u:p@mail.example.vn'],
    ['IMAP_URL', 'imaps://mail.example.vn:993'],
    ['IMAP_POLL_SECONDS', '0'],
    ['IMAP_POLL_SECONDS', 'often'],
  ])('stops with a message naming %s=%s', (name, value) => {
    expect(() => validateEnvironment({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });
});
