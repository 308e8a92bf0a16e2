// Stable ports for `npm start`: fixed, documented defaults; flags and environment variables change them.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_PORT, PortInUseError, PortSettingError, resolvePorts } from '../../../scripts/stack/ports.ts';

describe('the local stack’s ports', () => {
  it('are the same on every start when nothing is set: the page on 8080, Sheets 8081, mail 8082, ingest 8083, Drive 8084', () => {
    expect(DEFAULT_BASE_PORT).toBe(8080);
    expect(resolvePorts({}, {})).toEqual({ web: 8080, sheets: 8081, mail: 8082, ingest: 8083, drive: 8084 });
  });

  it('follow a base port from --port or THIDUA_PORT, the flag first', () => {
    expect(resolvePorts({ port: '9000' }, {})).toEqual({
      web: 9000,
      sheets: 9001,
      mail: 9002,
      ingest: 9003,
      drive: 9004,
    });
    expect(resolvePorts({}, { THIDUA_PORT: '9100' })).toEqual({
      web: 9100,
      sheets: 9101,
      mail: 9102,
      ingest: 9103,
      drive: 9104,
    });
    expect(resolvePorts({ port: '9000' }, { THIDUA_PORT: '9100' }).web).toBe(9000);
  });

  it('let one server move alone, a flag before the environment and a server’s own setting before the base', () => {
    expect(resolvePorts({ 'sheets-port': '7001' }, {})).toEqual({
      web: 8080,
      sheets: 7001,
      mail: 8082,
      ingest: 8083,
      drive: 8084,
    });
    expect(resolvePorts({}, { THIDUA_MAIL_PORT: '7002', THIDUA_PORT: '9000' })).toEqual({
      web: 9000,
      sheets: 9001,
      mail: 7002,
      ingest: 9003,
      drive: 9004,
    });
    // A base given on the command line outranks a server's port left in the environment.
    expect(resolvePorts({ port: '9000' }, { THIDUA_MAIL_PORT: '7002' }).mail).toBe(9002);
    expect(resolvePorts({ port: '9000', 'mail-port': '7003' }, { THIDUA_MAIL_PORT: '7002' }).mail).toBe(7003);
  });

  it('are all free ports chosen by the system when the base is 0', () => {
    expect(resolvePorts({ port: '0' }, {})).toEqual({ web: 0, sheets: 0, mail: 0, ingest: 0, drive: 0 });
  });

  it('refuse a malformed or out-of-range setting with one Vietnamese line naming it', () => {
    expect(() => resolvePorts({ port: 'tám nghìn' }, {})).toThrow(
      new PortSettingError('--port không hợp lệ: "tám nghìn". Cần một số từ 0 đến 65535.'),
    );
    expect(() => resolvePorts({}, { THIDUA_WEB_PORT: '70000' })).toThrow(/^THIDUA_WEB_PORT không hợp lệ: "70000"/);
    expect(() => resolvePorts({ port: '65534' }, {})).toThrow(PortSettingError);
    expect(() => resolvePorts({ port: '65532' }, {})).toThrow(PortSettingError);
    expect(resolvePorts({ port: '65531' }, {}).drive).toBe(65535);
  });

  it('name the port and the server in the message for a port already taken', () => {
    expect(new PortInUseError('mail', 8082).message).toMatch(
      /^Cổng 8082 \(máy chủ thư cục bộ\) đang được một chương trình khác dùng\./,
    );
  });
});
