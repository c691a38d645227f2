"""OpenAI-compatible routes under /v1: point the `openai` client's base_url here with an API key."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from services.gateway.schemas import ChatCompletionRequest, CompletionRequest, EmbeddingRequest, EmbeddingResponse, ModelList
from services.gateway.service import Completion, Gateway
from services.platform.deps import Principal, caller_of, require
from services.platform.permissions import Permission

router = APIRouter(prefix="/v1", tags=["openai-compatible gateway"])
User = Annotated[Principal, Depends(require(Permission.gateway_use))]
STREAM_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}  # no proxy buffers or caches a stream
CLIENT_CLOSED_REQUEST = 499  # nginx's status for a client that left; nobody reads it, the access log does


async def get_gateway(request: Request) -> Gateway:
    return request.app.state.gateway


GatewayDep = Annotated[Gateway, Depends(get_gateway)]


@router.get("/models", summary="Models and aliases of the active profile", response_model=ModelList)
def list_models(gateway: GatewayDep, _: User) -> ModelList:
    return gateway.models()


@router.post("/chat/completions", summary="Chat completion (streaming with stream=true)", response_model=None)
async def chat_completions(body: ChatCompletionRequest, request: Request, gateway: GatewayDep, user: User) -> Response:
    return _response(await gateway.chat(body, caller_of(user, request), request.is_disconnected))


@router.post("/completions", summary="Legacy text completion (streaming with stream=true)", response_model=None)
async def completions(body: CompletionRequest, request: Request, gateway: GatewayDep, user: User) -> Response:
    return _response(await gateway.complete(body, caller_of(user, request), request.is_disconnected))


@router.post("/embeddings", summary="Sentence embeddings from the in-process embedding model", response_model=EmbeddingResponse)
def embeddings(body: EmbeddingRequest, request: Request, gateway: GatewayDep, user: User) -> EmbeddingResponse:
    return gateway.embed(body, caller_of(user, request))


def _response(completion: Completion) -> Response:
    if completion.cancelled:
        return Response(status_code=CLIENT_CLOSED_REQUEST)
    if completion.events is not None:
        return StreamingResponse(completion.events, media_type="text/event-stream", headers={**STREAM_HEADERS, **completion.headers})
    return JSONResponse(completion.body, headers=completion.headers)
