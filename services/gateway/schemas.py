"""Wire types of the OpenAI-compatible gateway.

Requests are validated only in the fields the gateway acts on (model, messages or prompt,
streaming, token limits, response format); every other OpenAI or vLLM parameter (temperature,
seed, stop, logprobs, structured_outputs, ...) is kept and passed through, so clients use the
model exactly as they would use vLLM or OpenAI.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

MAX_EMBEDDING_INPUTS = 2048


class _PassThrough(BaseModel):
    model_config = ConfigDict(extra="allow")


class ContentPart(_PassThrough):
    """One part of a multi-part message; the guardrails read every `text`, so it must be a string."""

    type: str
    text: str | None = Field(default=None, validate_default=True)

    @field_validator("text")
    @classmethod
    def _text_part_has_text(cls, text: str | None, info: ValidationInfo) -> str | None:
        if text is None and info.data.get("type") == "text":
            raise ValueError("a part of type `text` needs a `text` string")
        return text


class ChatMessage(_PassThrough):
    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[ContentPart] | None = None


class ResponseFormat(_PassThrough):
    type: Literal["text", "json_object", "json_schema"]
    json_schema: dict[str, Any] | None = None


class StreamOptions(_PassThrough):
    include_usage: bool = False


class _Generation(_PassThrough):
    model: str = Field(min_length=1)
    stream: bool = False
    stream_options: StreamOptions | None = None
    max_tokens: int | None = Field(default=None, ge=1)
    n: int = Field(default=1, ge=1, le=8)


class ChatCompletionRequest(_Generation):
    messages: list[ChatMessage] = Field(min_length=1)
    max_completion_tokens: int | None = Field(default=None, ge=1)
    response_format: ResponseFormat | None = None


class CompletionRequest(_Generation):
    prompt: str | list[str] = Field(description="Text only: the guardrails read what goes to the model, so token-id prompts are refused.")


class EmbeddingRequest(_PassThrough):
    model: str = Field(min_length=1)
    input: str | list[str] = Field(description="Text or texts (token-id inputs are not accepted).")
    encoding_format: Literal["float", "base64"] = "float"
    dimensions: int | None = Field(default=None, ge=1)
    user: str | None = None


class ModelCard(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int
    owned_by: str = "insightstack"
    root: str = Field(description="The registry name this id resolves to (an alias points at its model).")


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


class Embedding(BaseModel):
    object: Literal["embedding"] = "embedding"
    index: int
    embedding: list[float] | str


class EmbeddingUsage(BaseModel):
    prompt_tokens: int
    total_tokens: int


class EmbeddingResponse(BaseModel):
    object: Literal["list"] = "list"
    data: list[Embedding]
    model: str
    usage: EmbeddingUsage
