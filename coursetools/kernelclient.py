"""The client nbgrader talks to a grading kernel with: ready as soon as the
kernel has answered, not 0.2 s later.

Before the first cell runs, nbclient waits for the kernel
(jupyter_client's `wait_for_ready`): it sends kernel_info requests until
one is answered on the shell channel and a message comes on IOPub (so that
channel is connected and no output of the first cell can be lost), then
reads IOPub until nothing has come for 0.2 s. That last step always ends by
waiting the 0.2 s out: every grading kernel, so every notebook of every
learner, paid 0.2 s of idle time before its first cell.

Here the reading stops at the kernel's `idle` status for a kernel_info
request sent once IOPub is subscribed. ipykernel says when that is: its
IOPub socket sends `iopub_welcome` to each new subscriber, and from then on
the subscriber gets every message it publishes, in order. Statuses
published before the welcome are lost (the subscription may come after the
kernel answered), so a welcome that comes before the request's own status
means: ask once more. By the idle status of a request asked after the
welcome, everything the kernel published before it is read too: the same
messages as jupyter_client's client reads, without the wait. A kernel that
sends no welcome or no status is read as jupyter_client reads it, until
0.2 s of silence. nbclient itself reads only the messages of the cell it
runs, so nothing else changes.

It also connects sooner. nbclient connects the client's sockets as soon as
the kernel's launcher has started, some 80 ms before the kernel has bound
its own, and ZeroMQ tries a refused connection again every 100 ms: the
first answer came 20-120 ms after the kernel was up. This client's
sockets try again every 5 ms.
"""
import time
from queue import Empty

import zmq
import zmq.asyncio
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.utils import ensure_async
from traitlets import default

# how long IOPub may stay silent before it counts as drained (jupyter_client's)
SILENCE = 0.2
READY, ASK_AGAIN, NOT_CONNECTED = "ready", "ask again", "not connected"
# how often a refused connection to the kernel is tried again, in ms (ZeroMQ's: 100)
RECONNECT_MS = 5


class PromptKernelClient(AsyncKernelClient):
    """AsyncKernelClient whose wait_for_ready returns once the kernel's
    status for a kernel_info request made after IOPub's welcome is read
    (see the module), and whose sockets try a refused connection again
    every RECONNECT_MS."""

    @default("context")
    def _context_default(self):
        self._created_context = True  # so the client destroys it, as jupyter_client's own
        context = zmq.asyncio.Context()
        context.setsockopt(zmq.RECONNECT_IVL, RECONNECT_MS)  # for every socket made in it
        return context

    async def wait_for_ready(self, timeout=None):
        deadline = time.time() + (float("inf") if timeout is None else timeout)
        while True:
            request = self.kernel_info()
            try:
                reply = await ensure_async(self.shell_channel.get_msg(timeout=1))
            except Empty:
                pass
            else:
                if reply["msg_type"] == "kernel_info_reply":
                    read = await self._iopub_read_up_to(request)
                    if read == READY:
                        self._handle_kernel_info_reply(reply)
                        return
                    if read == ASK_AGAIN:
                        continue
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.time() > deadline:
                raise RuntimeError("Kernel didn't respond in %d seconds" % timeout)

    async def _iopub_read_up_to(self, request):
        """Read IOPub up to the kernel's idle status for `request` (READY);
        ASK_AGAIN at IOPub's welcome if no status of `request` came before
        it (it may have been published before the subscription). A kernel
        that sends neither: READY after SILENCE seconds without a message,
        NOT_CONNECTED if no message came at all, as jupyter_client."""
        seen = answered = False
        while True:
            try:
                msg = await ensure_async(self.iopub_channel.get_msg(timeout=SILENCE))
            except Empty:
                return READY if seen else NOT_CONNECTED
            seen = True
            if msg["msg_type"] == "iopub_welcome" and not answered:
                return ASK_AGAIN
            if msg["msg_type"] == "status" and msg["parent_header"].get("msg_id") == request:
                answered = True
                if msg["content"].get("execution_state") == "idle":
                    return READY
