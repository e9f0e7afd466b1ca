#!/usr/bin/env python3
"""The seed's greeting server (the aiohttp example of the asyncio post in shared/seed), kept as it is,
with what greetbench needs to run it as a reference row: a port from the command line (0 picks a free
one, printed as `listening on http://HOST:PORT`), an optional per-request wait (the seed's point: an
`await` on I/O), and a clean stop on SIGTERM.

Run with Debian's python3-aiohttp:  /usr/bin/python3 bench/reference/aiohttp_greeting.py --port 8080
"""
import argparse
import asyncio
import signal

from aiohttp import web


def make_handle(wait_seconds):
    async def handle(request):
        name = request.match_info.get('name', 'Anonymous')
        if wait_seconds > 0:
            await asyncio.sleep(wait_seconds)
        text = f'Hello, {name}!\n'
        return web.Response(text=text)
    return handle


async def init_app(wait_seconds):
    app = web.Application()
    handle = make_handle(wait_seconds)
    app.add_routes([web.get('/{name}', handle), web.get('/', handle)])
    return app


async def main(host, port, wait_seconds):
    app = await init_app(wait_seconds)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port, backlog=8192)
    await site.start()
    bound = site._server.sockets[0].getsockname()[1]
    print(f'listening on http://{host}:{bound}', flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await runner.cleanup()


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, default=8080)
    parser.add_argument('--wait-ms', type=float, default=0.0)
    args = parser.parse_args()
    asyncio.run(main(args.host, args.port, args.wait_ms / 1000.0))
