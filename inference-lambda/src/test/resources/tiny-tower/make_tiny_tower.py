"""Writes tiny_tower.pt: a TorchScript linear map float32[batch, 3] -> float32[batch, 2] with known weights.

The test computes W·x + b itself, so the expected output does not come from the code under test.
Run with Debian's torch: /usr/bin/python3 make_tiny_tower.py  (apt-get install python3-torch)
"""
import torch

class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = torch.nn.Linear(3, 2)
        with torch.no_grad():
            self.linear.weight.copy_(torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.5, 0.25]]))
            self.linear.bias.copy_(torch.tensor([0.5, -2.0]))

    def forward(self, x):
        return self.linear(x)

torch.jit.script(Tiny().eval()).save("tiny_tower.pt")
