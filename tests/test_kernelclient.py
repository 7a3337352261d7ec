"""How nbgrader waits on a grading kernel (coursetools/kernelclient.py and
the kernel manager in coursetools/sandbox.py): ready once the kernel has
answered, with everything it published read, connections to a kernel not
yet listening tried again every 5 ms, and a stopped kernel seen gone
within 5 ms. The timing is checked on scripted channels, which record each
wait instead of waiting; a real grading kernel shows the same end state."""
import asyncio
from queue import Empty

import pytest
import zmq

from coursetools import ROOT, sandbox
from coursetools.kernelclient import RECONNECT_MS, SILENCE, PromptKernelClient


def _status(state, parent):
    return {"msg_type": "status", "content": {"execution_state": state}, "parent_header": {"msg_id": parent}}


class _Channel:
    """A channel that hands out scripted messages and records each read's
    timeout in `reads`; `None` in the script is a read that waits its
    timeout out, a function is called with the requests sent so far."""

    def __init__(self, script, requests):
        self.script, self.requests, self.reads = script, requests, []

    async def get_msg(self, timeout=None):
        self.reads.append(timeout)
        item = self.script.pop(0) if self.script else None
        if item is None:
            raise Empty
        return item(self.requests) if callable(item) else item


class _Scripted(PromptKernelClient):
    """The client on scripted shell and IOPub channels, whose kernel_info
    requests are named request-1, request-2, ..."""

    def __init__(self, shell, iopub):
        super().__init__()
        self.requests = []
        self._shell, self._iopub = _Channel(shell, self.requests), _Channel(iopub, self.requests)
        self.handled = None

    @property
    def shell_channel(self):
        return self._shell

    @property
    def iopub_channel(self):
        return self._iopub

    def kernel_info(self):
        self.requests.append(f"request-{len(self.requests) + 1}")
        return self.requests[-1]

    async def _async_is_alive(self):
        return True

    def _handle_kernel_info_reply(self, msg):
        self.handled = msg


REPLY = {"msg_type": "kernel_info_reply", "content": {"status": "ok"}, "parent_header": {}}
WELCOME = {"msg_type": "iopub_welcome", "content": {}, "parent_header": {}}
STREAM = {"msg_type": "stream", "content": {"name": "stdout", "text": "x"}, "parent_header": {}}


def test_ready_at_the_idle_status_of_a_request_made_after_the_welcome_without_waiting_for_silence():
    """The usual start: IOPub's welcome, then the first request's statuses.
    Whether those come cannot be told at the welcome, so the client asks
    once more and reads up to that request's idle status, never waiting
    for a message that does not come."""
    client = _Scripted(shell=[REPLY, REPLY],
                       iopub=[WELCOME, lambda r: _status("busy", r[0]), lambda r: _status("idle", r[0]),
                              lambda r: _status("busy", r[1]), lambda r: _status("idle", r[1]), STREAM])
    asyncio.run(client.wait_for_ready(timeout=10))
    assert client.handled is REPLY
    assert client.requests == ["request-1", "request-2"]
    assert client._iopub.reads == [SILENCE] * 5, client._iopub.reads
    assert client._iopub.script == [STREAM], "read past the idle status"


def test_statuses_lost_before_the_subscription_are_asked_for_again_at_the_welcome():
    """The kernel answered before IOPub was subscribed: its statuses for
    that request are lost, and the welcome comes alone. jupyter_client
    then waits 0.2 s of silence; here the next request's idle ends it."""
    client = _Scripted(shell=[REPLY, REPLY],
                       iopub=[WELCOME, lambda r: _status("busy", r[1]), lambda r: _status("idle", r[1]), STREAM])
    asyncio.run(client.wait_for_ready(timeout=10))
    assert client.requests == ["request-1", "request-2"]
    assert client._iopub.reads == [SILENCE] * 3, client._iopub.reads
    assert client._iopub.script == [STREAM]


def test_statuses_before_the_welcome_end_the_wait_at_their_idle():
    client = _Scripted(shell=[REPLY], iopub=[lambda r: _status("busy", r[0]), WELCOME,
                                             lambda r: _status("idle", r[0]), STREAM])
    asyncio.run(client.wait_for_ready(timeout=10))
    assert client.requests == ["request-1"] and client._iopub.script == [STREAM]


def test_iopub_not_connected_yet_asks_again_and_reads_up_to_the_last_requests_idle():
    """Nothing on IOPub after the first reply (not connected yet): ask again,
    as jupyter_client does; a late status of the first request does not end
    the wait, the idle status of the last one does."""
    client = _Scripted(shell=[REPLY, REPLY],
                       iopub=[None, lambda r: _status("idle", r[0]), lambda r: _status("busy", r[1]),
                              lambda r: _status("idle", r[1]), STREAM])
    asyncio.run(client.wait_for_ready(timeout=10))
    assert client.requests == ["request-1", "request-2"]
    assert client._iopub.script == [STREAM]
    assert client.handled is REPLY


def test_a_kernel_without_welcome_or_status_is_read_until_silence_as_jupyter_client_does():
    client = _Scripted(shell=[REPLY], iopub=[STREAM, STREAM, None])
    asyncio.run(client.wait_for_ready(timeout=10))
    assert client.requests == ["request-1"] and client.handled is REPLY
    assert client._iopub.reads == [SILENCE] * 3


def test_a_kernel_that_never_answers_times_out():
    client = _Scripted(shell=[None] * 5, iopub=[])
    with pytest.raises(RuntimeError, match="didn't respond"):
        asyncio.run(client.wait_for_ready(timeout=0))


def test_a_stopped_grading_kernel_is_polled_every_5_ms(monkeypatch):
    """jupyter_client polls a stopped kernel's process every 100 ms, and
    nbgrader stops one kernel per notebook it grades."""
    import jupyter_client.manager
    km = sandbox.SandboxedKernelManager(kernel_name="python3")
    alive = [True, True, False]
    slept = []

    async def is_alive():
        return alive.pop(0)

    async def sleep(seconds):
        slept.append(seconds)

    monkeypatch.setattr(km, "_async_is_alive", is_alive)
    monkeypatch.setattr(jupyter_client.manager.asyncio, "sleep", sleep)
    asyncio.run(km._async_wait())
    assert slept == [0.005, 0.005]


def test_a_grading_kernel_is_ready_with_everything_it_published_read(tmp_path, monkeypatch):
    """A real grading kernel (sandboxed, forked from the zygote where it
    can be): its manager hands out the prompt client, whose wait ends on
    the kernel's idle status for the last kernel_info request, with nothing
    left unread on IOPub; then the first cell's output arrives."""
    monkeypatch.setenv("PYTHONPATH", str(ROOT))

    async def start_wait_run():
        km = sandbox.SandboxedKernelManager(kernel_name="python3")
        await km.start_kernel(cwd=str(tmp_path))
        kc = km.client()
        read, sent = [], []
        get_iopub, kernel_info = kc.iopub_channel.get_msg, kc.kernel_info

        async def recorded(*args, **kwargs):
            msg = await get_iopub(*args, **kwargs)
            read.append(msg)
            return msg

        def asked():
            sent.append(kernel_info())
            return sent[-1]

        kc.iopub_channel.get_msg, kc.kernel_info = recorded, asked
        try:
            kc.start_channels()
            reconnect = kc.shell_channel.socket.getsockopt(zmq.RECONNECT_IVL)
            await kc.wait_for_ready(timeout=60)
            waited = list(read)
            left = await kc.iopub_channel.msg_ready()
            outputs = []
            reply = await kc.execute_interactive("print('first output')", timeout=60, output_hook=outputs.append)
        finally:
            kc.stop_channels()
            await km.shutdown_kernel(now=True)
        return type(kc), reconnect, waited, sent, left, reply, outputs

    kind, reconnect, waited, sent, left, reply, outputs = asyncio.run(start_wait_run())
    assert kind is PromptKernelClient
    assert reconnect == RECONNECT_MS, "the client's sockets wait ZeroMQ's 100 ms before connecting again"
    assert waited[-1]["msg_type"] == "status" and waited[-1]["content"]["execution_state"] == "idle", waited[-1]
    assert waited[-1]["parent_header"]["msg_id"] == sent[-1], "the wait did not end on the last request's idle"
    assert not left, "IOPub still held messages from before the first cell"
    assert reply["content"]["status"] == "ok"
    assert any(m["msg_type"] == "stream" and m["content"]["text"] == "first output\n" for m in outputs)
