import { TextLogger } from './start-up-logger';

describe('TextLogger', () => {
  const printed = (logLevels: ('log' | 'debug')[], log: (sut: TextLogger) => void): string => {
    const lines: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => lines.push(String(chunk)) > 0);
    try {
      log(new TextLogger({ logLevels, colors: false }));
    } finally {
      write.mockRestore();
    }
    return lines.join('');
  };

  it('moves the module and route listing to debug and keeps everything else', () => {
    const atLog = printed(['log'], (sut) => {
      sut.log('Mapped {/api/v1/health, GET} route', 'RouterExplorer');
      sut.log('AuthModule dependencies initialized', 'InstanceLoader');
      sut.log('Ready on http://localhost:3000/api/v1', 'Callgrade');
    });
    const atDebug = printed(['log', 'debug'], (sut) => sut.log('Mapped {/api/v1/health, GET} route', 'RouterExplorer'));

    expect(atLog).toContain('Ready on http://localhost:3000/api/v1');
    expect(atLog).not.toContain('Mapped');
    expect(atLog).not.toContain('dependencies initialized');
    expect(atDebug).toMatch(/DEBUG.*Mapped \{\/api\/v1\/health, GET\} route/);
  });
});
