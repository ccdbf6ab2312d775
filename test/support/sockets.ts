import { io, Socket } from 'socket.io-client';
import { TestUser } from './builders';
import { TestApp } from './test-app';

/** A socket.io client of a listening test app, authenticated as the user. */
export function connectAs(app: TestApp, user: TestUser): Promise<Socket> {
  const url = `http://127.0.0.1:${(app.app.getHttpServer().address() as { port: number }).port}`;
  return new Promise<Socket>((resolve, reject) => {
    const socket = io(url, { auth: { token: user.auth.slice('Bearer '.length) }, transports: ['websocket'], reconnection: false });
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}
