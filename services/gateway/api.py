"""OpenAI-compatible routes under /v1: point the `openai` client's base_url here with an API key."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from services.gateway.schemas import ChatCompletionRequest, CompletionRequest, EmbeddingRequest, EmbeddingResponse, ModelList
from services.gateway.service import Gateway
from services.platform.deps import Principal, caller_of, require
from services.platform.permissions import Permission

router = APIRouter(prefix="/v1", tags=["openai-compatible gateway"])
User = Annotated[Principal, Depends(require(Permission.gateway_use))]


async def get_gateway(request: Request) -> Gateway:
    return request.app.state.gateway


GatewayDep = Annotated[Gateway, Depends(get_gateway)]


@router.get("/models", summary="Models and aliases of the active profile", response_model=ModelList)
def list_models(gateway: GatewayDep, _: User) -> ModelList:
    return gateway.models()


@router.post("/chat/completions", summary="Chat completion (streaming with stream=true)", response_model=None)
async def chat_completions(body: ChatCompletionRequest, request: Request, gateway: GatewayDep, user: User) -> Response:
    return await gateway.chat(body, caller_of(user, request), request)


@router.post("/completions", summary="Legacy text completion (streaming with stream=true)", response_model=None)
async def completions(body: CompletionRequest, request: Request, gateway: GatewayDep, user: User) -> Response:
    return await gateway.complete(body, caller_of(user, request), request)


@router.post("/embeddings", summary="Sentence embeddings from the in-process embedding model", response_model=EmbeddingResponse)
def embeddings(body: EmbeddingRequest, request: Request, gateway: GatewayDep, user: User) -> EmbeddingResponse:
    return gateway.embed(body, caller_of(user, request))
